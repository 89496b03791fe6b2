namespace Bench.Core.Errors;

/// <summary>
/// Bad input a user can fix: a plan, a profile, a waveform file, an argument. <see cref="Location"/> names where
/// (file:line:col, a resource name, an option); the CLI prints one line and exits with code 3.
/// </summary>
public sealed class BenchInputException : Exception
{
    public BenchInputException(string location, string message)
        : base($"{location}: {message}")
    {
        Location = location;
        Reason = message;
    }

    public BenchInputException(string location, string message, Exception inner)
        : base($"{location}: {message}", inner)
    {
        Location = location;
        Reason = message;
    }

    public string Location { get; }

    public string Reason { get; }
}
