// The features go to a method named like a business step, not like a model call: a reviewer flags the
// removal, the analyzer does not know Underwrite is a model (expected miss unless configured).
namespace Mortgage;

public interface IRulesEngine { bool Underwrite(Dictionary<string, object> features); }

public static class Decision
{
    public static bool Decide(IRulesEngine engine, Dictionary<string, object> input)
    {
        {|FG0001:input.Remove("Religion")|};
        return engine.Underwrite(input);
    }
}
