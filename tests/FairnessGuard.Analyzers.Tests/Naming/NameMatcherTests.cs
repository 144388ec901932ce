using FairnessGuard.Analyzers.Naming;

namespace FairnessGuard.Analyzers.Tests.Naming;

public class NameMatcherTests
{
    [Theory]
    [InlineData("ApplicantRace")]
    [InlineData("marital_status")]
    [InlineData("DateOfBirth")]
    [InlineData("dateofbirth")]
    [InlineData("SEX")]
    [InlineData("native-country")]
    [InlineData("IsFemale")]
    [InlineData("Genders")]
    [InlineData("applicant_age")]
    [InlineData("SexualOrientation")]
    [InlineData("VeteranStatus")]
    [InlineData("Pregnancies")]
    [InlineData("DOB")]
    public void ProtectedClassNamesMatchOnWholeWords(string name) => Assert.True(NameMatchers.Default.IsSensitive(name), name);

    [Theory]
    [InlineData("Average")]
    [InlineData("Usage")]
    [InlineData("Page")]
    [InlineData("Sextant")]
    [InlineData("Message")]
    [InlineData("Racetrack")]
    [InlineData("Color")]
    [InlineData("Origin")]
    [InlineData("ScreenOrientation")]
    [InlineData("IsDisabled")]
    [InlineData("MaxAge")]
    [InlineData("HousingMedianAge")]
    [InlineData("RaceCondition")]
    [InlineData("Manage")]
    public void OrdinaryWordsDoNotMatch(string name) => Assert.False(NameMatchers.Default.IsSensitive(name), name);

    [Theory]
    [InlineData("Age", "Applicant", true)]
    [InlineData("Age", "LoanApplicant", true)]
    [InlineData("ApplicantAge", "Vehicle", true)]
    [InlineData("Age", "Vehicle", false)]
    [InlineData("Age", "HousingData", false)]
    [InlineData("Age", "Invoice", false)]
    [InlineData("Gender", "Vehicle", true)]
    [InlineData("Age", "Company", false)]
    [InlineData("Age", "BusinessProfile", false)]
    [InlineData("Age", "BusinessOwner", true)]
    [InlineData("Age", "CompanyDirector", true)]
    public void BareAgeOfAThingIsNotSensitive(string member, string type, bool sensitive) =>
        Assert.Equal(sensitive, NameMatchers.Default.IsSensitiveMember(member, type));

    [Theory]
    [InlineData("ZipCode", true)]
    [InlineData("zipcode", true)]
    [InlineData("PostalCode", true)]
    [InlineData("FirstName", true)]
    [InlineData("Name", true)]
    [InlineData("Relationship", true)]
    [InlineData("ProductName", false)]
    [InlineData("FileName", false)]
    [InlineData("Zipper", false)]
    public void ProxiesAreRecognised(string name, bool proxy) => Assert.Equal(proxy, NameMatchers.Default.IsProxy(name));

    [Theory]
    [InlineData("Predict", true)]
    [InlineData("PredictProbability", true)]
    [InlineData("ComputeRiskScore", true)]
    [InlineData("Forward", true)]
    [InlineData("Fit", true)]
    [InlineData("Scoreboard", false)]
    [InlineData("Refit", false)]
    [InlineData("GetScoreHistory", false)]
    public void PredictionMethodsAreTheirFirstOrLastWord(string name, bool prediction) => Assert.Equal(prediction, NameMatchers.Default.IsPredictionName(name));

    [Theory]
    [InlineData("ApplicantRace", new[] { "applicant", "race" })]
    [InlineData("HTTPServer2", new[] { "http", "server", "2" })]
    [InlineData("marital-status", new[] { "marital", "status" })]
    [InlineData("", new string[0])]
    public void IdentifiersSplitIntoLowerCaseWords(string identifier, string[] words) => Assert.Equal(words, IdentifierTokens.Split(identifier));
}
