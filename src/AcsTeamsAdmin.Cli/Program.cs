using System.Runtime.InteropServices;
using AcsTeamsAdmin.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the command cleanly; a second one kills the process as usual.
    e.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupted.Cancel();
});

return await CliApplication.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, interrupted.Token).ConfigureAwait(false);
