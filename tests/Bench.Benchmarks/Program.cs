// Benchmarks print figures; each area adds its own entry point here (see README "Benchmarks").
Console.WriteLine("bench benchmarks: pass a name (none registered yet)");
