using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;

namespace Workbench.Features.Account;

public sealed record DemoAccount(string UserName, string Password, string Role, string Note);

/// <summary>
/// On the first start of a warehouse without accounts, one account per role with a random password, printed in the
/// console and kept in <c>demo-accounts.txt</c> in the data folder. The teacher and school admin are real roster
/// teachers, so their classes come from the rosters like anyone's.
/// </summary>
public sealed class DemoAccounts(AppUserStore users, IOptions<WarehouseOptions> warehouse)
{
    public const string FileName = "demo-accounts.txt";

    public string FilePath => Path.Combine(warehouse.Value.DataDirectory, FileName);

    public async Task<IReadOnlyList<DemoAccount>> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken) > 0)
        {
            return [];
        }

        var teachers = await users.RosterTeachersAsync(cancellationToken);
        var teacher = teachers.FirstOrDefault();
        var admin = teachers.FirstOrDefault(t => teacher is not null && t.SchoolKey != teacher.SchoolKey && t.UserName != teacher.UserName);
        var accounts = new List<DemoAccount>();
        foreach (var role in WorkbenchRoles.All)
        {
            var (name, email, display, note) = role switch
            {
                WorkbenchRoles.Teacher when teacher is not null =>
                    (teacher.UserName, teacher.Email, $"{teacher.FamilyName} {teacher.GivenName}", "名簿の担任（担当学級は名簿から） / a roster homeroom teacher"),
                WorkbenchRoles.SchoolAdmin when admin is not null =>
                    (admin.UserName, admin.Email, $"{admin.FamilyName} {admin.GivenName}", "名簿の教員の学校を管理 / the school of a roster teacher"),
                _ => ("demo-" + role.ToLowerInvariant(), null, $"デモ {role}", string.Empty),
            };
            var password = NewPassword();
            await users.CreateAsync(name, display, email, LocalSignIn.Hash(name, password), [role], cancellationToken);
            if (role == WorkbenchRoles.HealthStaff)
            {
                await users.AddScopeAsync(new UserScopeRow(name, "area", "kume"), cancellationToken);
                note = "担当地域: 久米 / area kume";
            }

            accounts.Add(new DemoAccount(name, password, role, note));
        }

        Directory.CreateDirectory(warehouse.Value.DataDirectory);
        var text = new StringBuilder("# デモ用アカウント / Demo sign-ins (user name, password, role)\n");
        foreach (var a in accounts)
        {
            text.Append(a.UserName).Append('\t').Append(a.Password).Append('\t').Append(a.Role).Append('\t').Append(a.Note).Append('\n');
        }

        await File.WriteAllTextAsync(FilePath, text.ToString(), cancellationToken);
        return accounts;
    }

    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
