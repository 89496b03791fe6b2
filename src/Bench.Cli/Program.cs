return await Bench.Cli.BenchCommand.RunAsync(args);
