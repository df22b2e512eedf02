using BenchmarkDotNet.Running;

if (args.FirstOrDefault() == "retrieval") return AiCoachBot.Benchmarks.RetrievalReport.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

public partial class Program;
