namespace Bench.Standards.Limits;

/// <summary>How the load is applied to a polyphase meter: balanced on all elements, or on one element only.</summary>
public enum LoadConnection
{
    Balanced,
    SinglePhase,
}
