using System.Linq;

namespace FairnessGuard.Analyzers.Naming;

/// <summary>
/// The default name lists. Sensitive names follow the protected classes of US law (Title VII, ADEA, ADA,
/// GINA, USERRA, FHA, ECOA) and EU law (Art. 21 of the Charter, directives 2000/43 and 2000/78).
/// Generic words that name other things in ordinary code (colour, origin, orientation, disabled) are
/// only listed in their unambiguous multi-word forms. The same words in other languages are in <see cref="ForeignNames"/>.
/// </summary>
internal static class DefaultNames
{
    public static readonly string[] Sensitive = new[]
    {
        // Sex and gender
        "sex", "gender", "male", "female", "is male", "is female",
        // Race, colour, ethnicity
        "race", "racial", "ethnicity", "ethnic", "ethnic group", "skin color", "skin colour", "skin tone",
        // National origin, nationality, citizenship
        "national origin", "ethnic origin", "nationality", "citizenship", "native country", "country of birth",
        "birth country", "birthplace", "place of birth", "immigration status",
        // Religion
        "religion", "religious", "religious belief", "faith group",
        // Age
        "age", "age group", "age band", "senior citizen", "date of birth", "birth date", "birthdate", "dob", "birthday",
        "birth year", "year of birth",
        // Marital and family status, pregnancy
        "marital", "marital status", "married", "pregnancy", "pregnancies", "pregnant", "maternity",
        // Disability, genetic information
        "disability", "disabled person", "handicap", "impairment", "genetic", "genotype",
        // Sexual orientation, veteran status
        "sexual orientation", "sexuality", "veteran", "veteran status", "military status",
    }.Concat(ForeignNames.Sensitive).ToArray();

    public static readonly string[] Proxies =
    {
        // Place
        "zip", "zip code", "zipcode", "postcode", "post code", "postal code", "neighborhood", "neighbourhood",
        "census tract", "district", "borough",
        // Names
        "=name", "full name", "first name", "firstname", "given name", "forename", "surname", "last name",
        "lastname", "family name",
        // Relationship and household
        "relationship", "husband", "wife", "spouse", "household role",
        // Language
        "language", "native language", "mother tongue", "accent",
    };

    /// <summary>Names that contain a sensitive word but mean something else.</summary>
    public static readonly string[] NotSensitive = new[]
    {
        "max age", "cache age", "housing median age", "house age", "building age", "vehicle age", "car age",
        "account age", "file age", "message age", "token age", "race condition", "age of account",
    }.Concat(ForeignNames.NotSensitive).ToArray();

    /// <summary>
    /// Words in a type's name that make a bare "age" the age of a thing (<c>Vehicle.Age</c>, <c>Invoice.Age</c>,
    /// <c>HousingData.Age</c>), not of a person.
    /// </summary>
    public static readonly string[] ThingsWithAnAge =
    {
        "vehicle", "car", "house", "housing", "home", "building", "property", "account", "loan", "invoice", "order",
        "item", "product", "server", "file", "document", "cache", "session", "token", "message", "ticket", "asset",
        "machine", "equipment", "device", "battery", "tyre", "tire", "wine", "tree", "stock", "inventory", "listing",
        "post", "claim", "debt", "receivable", "payable", "component", "part", "sensor",
        "turbine", "engine", "motor", "pump", "generator", "aircraft", "plane", "ship", "vessel", "truck", "bike",
        "fleet", "bridge", "pipe", "boiler", "appliance", "instrument", "tool", "unit", "transformer", "panel",
        "well", "mine", "plant", "crop", "animal", "livestock", "vintage", "bond", "mortgage", "contract", "policy",
        "company", "business", "firm", "organisation", "organization", "enterprise", "store", "branch", "startup",
    };

    /// <summary>Words in a type's name that say its rows are people: they win over <see cref="ThingsWithAnAge"/>.</summary>
    public static readonly string[] People =
    {
        "applicant", "customer", "client", "person", "people", "patient", "employee", "candidate", "user", "member",
        "student", "borrower", "driver", "tenant", "claimant", "citizen", "respondent", "subscriber", "individual",
        "adult", "passenger", "holder", "policyholder", "insured", "beneficiary", "worker", "resident", "voter",
        "owner", "founder", "director", "proprietor",
    };

    /// <summary>Words that make a method a model's entry point: predictions, scores, training.</summary>
    public static readonly string[] PredictionWords = new[]
    {
        "predict", "prediction", "predictions", "score", "scores", "scoring", "classify", "infer", "inference",
        "forward", "fit", "train",
    }.Concat(ForeignNames.PredictionWords).ToArray();
}
