using System.Reflection;
using System.Text;
using ObligationTracker.Tools;

Console.OutputEncoding = new UTF8Encoding(false);

var verbs = typeof(IToolVerb).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IToolVerb).IsAssignableFrom(t))
    .Select(t => (IToolVerb)Activator.CreateInstance(t)!)
    .OrderBy(v => v.Name, StringComparer.Ordinal)
    .ToList();

var verb = args.Length > 0 ? verbs.FirstOrDefault(v => v.Name == args[0]) : null;
if (verb is null)
{
    Console.Error.WriteLine("usage: ot-tools VERB [args]   (dotnet run -c Release --project tools/ObligationTracker.Tools -- VERB)");
    foreach (var v in verbs) Console.Error.WriteLine($"  {v.Name,-22} {v.Summary}");
    return args.Length == 0 ? 0 : 2;
}

return await verb.RunAsync(args[1..]);
