using FairnessGuard.Cli;

return FairnessGuardCli.Run(args, Console.Out, Console.Error);
