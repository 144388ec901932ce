// An MVC controller: ModelState.Remove for optional fields, and a view model without the sensitive fields.
namespace Microsoft.AspNetCore.Mvc.ModelBinding
{
    public sealed class ModelStateDictionary
    {
        public bool Remove(string key) => true;
        public bool IsValid => true;
    }
}

namespace Clinic.Web
{
    using Microsoft.AspNetCore.Mvc.ModelBinding;

    public sealed class PatientForm
    {
        public string FullName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Gender { get; set; } = "";
        public DateTime DateOfBirth { get; set; }
        public string Ethnicity { get; set; } = "";
    }

    public sealed class PatientCard { public string Name { get; set; } = ""; public string Email { get; set; } = ""; }

    public sealed class PatientsController
    {
        public ModelStateDictionary ModelState { get; } = new();

        public PatientCard Register(PatientForm form)
        {
            ModelState.Remove(nameof(PatientForm.Ethnicity));
            ModelState.Remove("Gender");
            if (!ModelState.IsValid)
            {
                throw new InvalidOperationException("invalid");
            }

            return new PatientCard { Name = form.FullName, Email = form.Email };
        }
    }
}
