using System.Globalization;
using CsvHelper;
using FairnessGuard;

namespace ResumeCallbacks;

/// <summary>One fictitious resume of the Bertrand &amp; Mullainathan (2004) field experiment (resumenames.csv).</summary>
public sealed record Resume
{
    /// <summary>The first name on the resume: chosen by the experimenters to signal gender and ethnicity.</summary>
    public required string FirstName { get; init; }

    /// <summary>The gender the name signals; the model must not use it.</summary>
    [Sensitive]
    public required string Gender { get; init; }

    /// <summary>The ethnicity the name signals ("afam" or "cauc"); the model must not use it.</summary>
    [Sensitive]
    public required string Ethnicity { get; init; }

    /// <summary>Whether the resume was of high quality.</summary>
    public required bool HighQuality { get; init; }

    /// <summary>Years of experience.</summary>
    public required int Experience { get; init; }

    /// <summary>Number of previous jobs.</summary>
    public required int Jobs { get; init; }

    /// <summary>Honors, volunteering, military service, employment holes, e-mail, computer skills, special skills, college degree.</summary>
    public required bool[] Flags { get; init; }

    /// <summary>Boston or Chicago.</summary>
    public required string City { get; init; }

    /// <summary>Whether the employer called back (the label).</summary>
    public required bool CalledBack { get; init; }

    /// <summary>The flag columns of <see cref="Flags"/>.</summary>
    public static readonly string[] FlagColumns = ["honors", "volunteer", "military", "holes", "email", "computer", "special", "college"];

    /// <summary>Reads resumenames.csv.</summary>
    public static List<Resume> Load(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var resumes = new List<Resume>();
        while (csv.Read())
        {
            resumes.Add(new Resume
            {
                FirstName = csv.GetField("name")!,
                Gender = csv.GetField("gender")!,
                Ethnicity = csv.GetField("ethnicity")!,
                HighQuality = csv.GetField("quality") == "high",
                Experience = csv.GetField<int>("experience"),
                Jobs = csv.GetField<int>("jobs"),
                Flags = FlagColumns.Select(c => csv.GetField(c) == "yes").ToArray(),
                City = csv.GetField("city")!,
                CalledBack = csv.GetField("call") == "yes",
            });
        }

        return resumes;
    }
}
