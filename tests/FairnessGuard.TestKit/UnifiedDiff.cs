using System.Text;

namespace FairnessGuard.TestKit;

/// <summary>A line-based unified diff (LCS by dynamic programming; snapshots are small).</summary>
public static class UnifiedDiff
{
    /// <summary>The unified diff from <paramref name="expected"/> to <paramref name="actual"/>, with 3 lines of context.</summary>
    /// <param name="expected">The old text.</param>
    /// <param name="actual">The new text.</param>
    /// <param name="expectedName">The label of the old text.</param>
    /// <param name="actualName">The label of the new text.</param>
    /// <returns>The diff; empty when the texts are equal.</returns>
    public static string Create(string expected, string actual, string expectedName = "expected", string actualName = "actual")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var ops = Align(a, b);
        if (ops.TrueForAll(o => o.Kind == ' '))
        {
            return string.Empty;
        }

        var sb = new StringBuilder().Append("--- ").AppendLine(expectedName).Append("+++ ").AppendLine(actualName);
        const int context = 3;
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from `context` lines before the change to `context` lines after the last change
            // that is no more than 2·context lines from the previous one.
            var start = Math.Max(0, i - context);
            var end = i;
            while (end < ops.Count)
            {
                var next = end;
                while (next < ops.Count && ops[next].Kind == ' ')
                {
                    next++;
                }

                if (next == ops.Count || next - end > 2 * context)
                {
                    break;
                }

                end = next + 1;
            }

            var stop = Math.Min(ops.Count, end + context);
            var oldStart = ops[start].OldLine;
            var newStart = ops[start].NewLine;
            int oldCount = 0, newCount = 0;
            for (var k = start; k < stop; k++)
            {
                oldCount += ops[k].Kind != '+' ? 1 : 0;
                newCount += ops[k].Kind != '-' ? 1 : 0;
            }

            sb.Append("@@ -").Append(oldStart + 1).Append(',').Append(oldCount)
              .Append(" +").Append(newStart + 1).Append(',').Append(newCount).AppendLine(" @@");
            for (var k = start; k < stop; k++)
            {
                sb.Append(ops[k].Kind).AppendLine(ops[k].Text);
            }

            i = stop;
        }

        return sb.ToString();
    }

    private static List<(char Kind, string Text, int OldLine, int NewLine)> Align(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
        {
            for (var y = b.Length - 1; y >= 0; y--)
            {
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }

        var ops = new List<(char, string, int, int)>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                ops.Add((' ', a[i], i++, j++));
            }
            else if (i < a.Length && (j == b.Length || lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                ops.Add(('-', a[i], i++, j));
            }
            else
            {
                ops.Add(('+', b[j], i, j++));
            }
        }

        return ops;
    }
}
