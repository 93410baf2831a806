using Microsoft.Extensions.Options;

namespace Stabsrum.Infrastructure.Email;

public static class EmailSetup
{
    /// <summary>Registers the <see cref="IEmailSender"/> that <c>Email:Mode</c> chooses.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Mode switch
        {
            EmailMode.Smtp => ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp),
            EmailMode.Pickup => ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp),
            _ => new DisabledEmailSender(),
        });
        return services;
    }
}
