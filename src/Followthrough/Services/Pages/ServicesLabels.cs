using Followthrough.Services.Catalogue;

namespace Followthrough.Services.Pages;

/// <summary>The English words for the catalogue's kinds, levels and formats; they are the keys of their Chinese text.</summary>
internal static class ServicesLabels
{
    public static string Of(DeliveryLevel level) => level switch
    {
        DeliveryLevel.RunImmediately => "Run immediately",
        DeliveryLevel.Online => "Online",
        DeliveryLevel.AtMostOnce => "At most once",
        _ => "On the palm",
    };

    public static string Of(ServiceKind kind) => kind switch
    {
        ServiceKind.AdministrativeLicensing => "Administrative licensing",
        ServiceKind.AdministrativeConfirmation => "Administrative confirmation",
        ServiceKind.AdministrativePayment => "Administrative payment",
        ServiceKind.Filing => "Filing",
        ServiceKind.PublicService => "Public service",
        _ => "Other administrative power",
    };

    public static string Of(MaterialFormat format) => format switch
    {
        MaterialFormat.Original => "Original",
        MaterialFormat.Copy => "Copy",
        MaterialFormat.Electronic => "Electronic file",
        _ => "Form to fill in",
    };
}
