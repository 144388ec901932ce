// Mapping layers: entities with protected attributes mapped to DTOs that never reach a model.
namespace People.Api;

public sealed class Employee
{
    public int Id { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Department { get; set; } = "";
    public string Gender { get; set; } = "";
    public DateTime BirthDate { get; set; }
    public string Religion { get; set; } = "";
}

public sealed class EmployeeDto
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Department { get; set; } = "";
}

public interface IEmailSender { void Send(string to, string body); }

public sealed class EmployeeService(IEmailSender email)
{
    public EmployeeDto ToDto(Employee e) => new() { Id = e.Id, Name = e.FirstName + " " + e.LastName, Department = e.Department };

    public void Welcome(Employee e)
    {
        var parts = new[] { e.FirstName, e.Department };
        email.Send(e.FirstName + "@example.com", string.Join(" ", parts));
    }

    public IEnumerable<EmployeeDto> Page(IEnumerable<Employee> all, int page) =>
        all.Skip(page * 20).Take(20).Select(e => new EmployeeDto { Id = e.Id, Name = e.LastName, Department = e.Department });
}
