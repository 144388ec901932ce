// Field test 3 (real game code, a diabetes-risk quiz): the score is computed on the patient instance from age, BMI,
// waist and habits; its sex is a field of the same instance and is never read, and the avatar colours are drawing
// values. One FG0001 (sex) on the returned total, none for the colours (the age read is
// FG0004, opt-in).
namespace Clinic.Quiz
{
    public struct Color
    {
        public byte R, G, B, A;
    }

    public class Patient
    {
        public int age;
        public float bmi;
        public float waist;
        public int exercise;
        public int familyHistory;
        public int sex;
        public Color skinColor;
        public Color shirtColor;

        public int TotalRiskScore()
        {
            int total = 0;
            total += {|FG0004:age|} < 45 ? 0 : age <= 54 ? 2 : 3;
            total += bmi < 25 ? 0 : bmi <= 30 ? 1 : 3;
            total += waist < 94 ? 0 : 3;
            total += exercise == 0 ? 2 : 0;
            total += familyHistory == 1 ? 5 : 0;
            return {|FG0001:total|};
        }
    }
}
