namespace Bench.Visa.Sessions;

/// <summary>Holds a session's I/O lock until disposed.</summary>
public readonly struct IoLock(SemaphoreSlim semaphore) : IDisposable
{
    public void Dispose() => semaphore.Release();
}
