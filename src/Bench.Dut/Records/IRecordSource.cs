namespace Bench.Dut.Records;

/// <summary>
/// Where a meter's waveform records can be fetched from: its SFTP site (<see cref="SftpRecordSource"/>) or a folder the
/// bench can read directly (<see cref="FolderRecordSource"/>, e.g. the virtual bench's). Listing before and after a
/// sequence tells which records the meter made during it, whatever its clock says. Unreachable = InstrumentFaultException.
/// </summary>
public interface IRecordSource
{
    /// <summary>Where the records are, as a report names it.</summary>
    string Description { get; }

    /// <summary>Names of the complete records present now (a .cfg with its .dat, or a .cff).</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Copies the named records into <paramref name="localFolder"/> (skipping those already there).</summary>
    Task<IReadOnlyList<ComtradeRecordFiles>> FetchAsync(IReadOnlyCollection<string> names, string localFolder, CancellationToken cancellationToken);
}
