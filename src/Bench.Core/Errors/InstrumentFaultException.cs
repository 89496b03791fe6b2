namespace Bench.Core.Errors;

/// <summary>
/// An instrument or meter misbehaved while a test ran: timeout, garbled reply, an error in its queue, a dropped connection.
/// The point being measured becomes INCOMPLETE with <see cref="Exception.Message"/> as its reason.
/// </summary>
public sealed class InstrumentFaultException : Exception
{
    public InstrumentFaultException(string resource, string message)
        : base($"{resource}: {message}")
    {
        Resource = resource;
    }

    public InstrumentFaultException(string resource, string message, Exception inner)
        : base($"{resource}: {message}", inner)
    {
        Resource = resource;
    }

    public string Resource { get; }
}
