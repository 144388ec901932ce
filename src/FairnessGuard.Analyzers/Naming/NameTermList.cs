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

    public NameTermList(IEnumerable<string> terms)
    {
        _terms = terms.Select(Term.Parse).Where(t => t.Words.Length > 0).ToArray();
    }

    public bool IsEmpty => _terms.Length == 0;

    /// <summary>Returns the first term (as written) matching the identifier's words, or null.</summary>
    public string? Match(string[] words)
    {
        foreach (var term in _terms)
        {
            if (term.Matches(words))
            {
                return term.Text;
            }
        }

        return null;
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
