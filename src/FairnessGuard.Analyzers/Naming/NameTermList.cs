using System;
using System.Collections.Generic;
using System.Linq;

namespace FairnessGuard.Analyzers.Naming;

/// <summary>
/// A list of names, each a sequence of words ("date of birth"), matched against the words of an identifier.
/// A term matches when its words appear consecutively in the identifier (the last one optionally with a
/// plural s), or when a multi-word term appears glued into one word (<c>dateofbirth</c>, <c>zipcode</c>).
/// A term written <c>=name</c> matches only an identifier made of exactly those words.
/// </summary>
internal sealed class NameTermList
{
    private readonly Term[] _terms;

    // One-word terms (most of the list, in several languages) by their word, to the first such term's index; the
    // other terms (several words, or exact) are tried one by one. The first matching term in list order wins.
    private readonly Dictionary<string, int> _singleWord = new(StringComparer.Ordinal);
    private readonly int[] _others;

    public NameTermList(IEnumerable<string> terms)
    {
        _terms = terms.Select(Term.Parse).Where(t => t.Words.Length > 0).ToArray();
        var others = new List<int>();
        for (var i = 0; i < _terms.Length; i++)
        {
            if (_terms[i].IsSingleWord)
            {
                if (!_singleWord.ContainsKey(_terms[i].Words[0]))
                {
                    _singleWord.Add(_terms[i].Words[0], i);
                }
            }
            else
            {
                others.Add(i);
            }
        }

        _others = others.ToArray();
    }

    public bool IsEmpty => _terms.Length == 0;

    /// <summary>Returns the first term (as written) matching the identifier's words, or null.</summary>
    public string? Match(string[] words)
    {
        var first = int.MaxValue;
        foreach (var word in words)
        {
            if (_singleWord.TryGetValue(word, out var index) && index < first)
            {
                first = index;
            }

            // A plural: "races" matches the term "race".
            if (word.Length > 1 && word[word.Length - 1] == 's' && _singleWord.TryGetValue(word.Substring(0, word.Length - 1), out index) && index < first)
            {
                first = index;
            }
        }

        foreach (var index in _others)
        {
            if (index > first)
            {
                break;
            }

            if (_terms[index].Matches(words))
            {
                first = index;
                break;
            }
        }

        return first == int.MaxValue ? null : _terms[first].Text;
    }

    /// <summary>Splits an option value on commas, semicolons and new lines.</summary>
    public static IEnumerable<string> ParseList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Array.Empty<string>();
        }

        return value!.Split(new[] { ',', ';', '\n', '|' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Trim())
            .Where(v => v.Length > 0);
    }

    private sealed class Term
    {
        private Term(string text, string[] words, bool exact)
        {
            Text = text;
            Words = words;
            Exact = exact;
            Glued = words.Length > 1 ? string.Concat(words) : null;
        }

        public string Text { get; }

        public string[] Words { get; }

        /// <summary>One word, matched anywhere in an identifier (not an exact term).</summary>
        public bool IsSingleWord => Words.Length == 1 && !Exact;

        private bool Exact { get; }

        private string? Glued { get; }

        public static Term Parse(string text)
        {
            var exact = text.StartsWith("=", StringComparison.Ordinal);
            var body = exact ? text.Substring(1) : text;
            return new Term(body.Trim(), IdentifierTokens.Split(body), exact);
        }

        public bool Matches(string[] words)
        {
            if (Exact)
            {
                return words.Length == Words.Length && MatchesAt(words, 0);
            }

            for (var i = 0; i + Words.Length <= words.Length; i++)
            {
                if (MatchesAt(words, i))
                {
                    return true;
                }
            }

            if (Glued is not null)
            {
                foreach (var word in words)
                {
                    if (SameOrPlural(word, Glued))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool MatchesAt(string[] words, int offset)
        {
            for (var j = 0; j < Words.Length; j++)
            {
                var word = words[offset + j];
                var ok = j == Words.Length - 1 ? SameOrPlural(word, Words[j]) : word == Words[j];
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameOrPlural(string word, string term) =>
            word == term || (word.Length == term.Length + 1 && word[word.Length - 1] == 's' && word.StartsWith(term, StringComparison.Ordinal));
    }
}
