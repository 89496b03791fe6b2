namespace Bench.Reports.Certificate;

/// <summary>The laboratory as its certificates name it (ISO/IEC 17025 §7.8.2.1 b, c, o), read from reports/lab.yaml.</summary>
public sealed record LabIdentity(string Name, IReadOnlyList<string> Address)
{
    public string Location { get; init; } = "";

    public string Accreditation { get; init; } = "";

    public string Contact { get; init; } = "";

    public string AuthorisedByName { get; init; } = "";

    public string AuthorisedByTitle { get; init; } = "";
}
