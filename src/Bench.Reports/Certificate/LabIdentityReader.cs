using Bench.Core.Errors;

using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bench.Reports.Certificate;

/// <summary>Reads reports/lab.yaml; a malformed file gives a <see cref="BenchInputException"/> with file:line:col.</summary>
public static class LabIdentityReader
{
    public static LabIdentity Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BenchInputException(path, $"cannot read lab identity: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static LabIdentity Parse(string yaml, string location)
    {
        LabFile? file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<LabFile>(yaml);
        }
        catch (YamlException e)
        {
            throw new BenchInputException($"{location}:{e.Start.Line}:{e.Start.Column}", e.InnerException?.Message ?? e.Message, e);
        }

        if (file is null || string.IsNullOrWhiteSpace(file.Name))
        {
            throw new BenchInputException(location, "the lab identity needs a 'name'");
        }

        return new LabIdentity(file.Name.Trim(), file.Address ?? [])
        {
            Location = file.Location ?? "",
            Accreditation = file.Accreditation ?? "",
            Contact = file.Contact ?? "",
            AuthorisedByName = file.AuthorisedBy?.Name ?? "",
            AuthorisedByTitle = file.AuthorisedBy?.Title ?? "",
        };
    }

    private sealed class LabFile
    {
        public string? Name { get; set; }

        public List<string>? Address { get; set; }

        public string? Location { get; set; }

        public string? Accreditation { get; set; }

        public string? Contact { get; set; }

        public PersonFile? AuthorisedBy { get; set; }
    }

    private sealed class PersonFile
    {
        public string? Name { get; set; }

        public string? Title { get; set; }
    }
}
