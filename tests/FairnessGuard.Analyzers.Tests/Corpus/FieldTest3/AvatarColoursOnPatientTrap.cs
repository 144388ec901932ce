// Field test 3 (real game code, a health-risk quiz): the patient's avatar colours are Color values drawn on screen, not
// recorded attributes. The risk score reads the age and the sex; nothing sensitive is left out: no FG0001
// (the two uses are FG0004, opt-in).
namespace Clinic.Game
{
    public struct Color
    {
        public float R, G, B;
    }

    public class Patient
    {
        public int age;
        public int sex;
        public float bmi;
        public int smoker;
        public Color skinColor;
        public Color hairColor;

        public int RiskScore()
        {
            var points = {|FG0004:age|} < 45 ? 0 : age < 60 ? 3 : 5;
            points += bmi < 25 ? 0 : 2;
            points += smoker == 1 ? 4 : 0;
            points += {|FG0004:sex|} == 1 ? 1 : 0;
            return points;
        }
    }
}
