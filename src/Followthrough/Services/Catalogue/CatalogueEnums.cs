using System.Text.Json.Serialization;

namespace Followthrough.Services.Catalogue;

/// <summary>What kind of power or service an item is (事项类型).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServiceKind>))]
public enum ServiceKind
{
    /// <summary>行政许可: a licence under the Administrative Licensing Law.</summary>
    AdministrativeLicensing,

    /// <summary>行政确认: confirming a status or a right (registrations, certificates).</summary>
    AdministrativeConfirmation,

    /// <summary>行政给付: benefits and allowances.</summary>
    AdministrativePayment,

    /// <summary>备案: a filing the authority records without deciding.</summary>
    Filing,

    /// <summary>公共服务: a public service that is not an administrative power.</summary>
    PublicService,

    /// <summary>其他行政权力: any other administrative power.</summary>
    Other,
}

/// <summary>How an item is delivered, as Dalian reports its items (the four counts).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryLevel>))]
public enum DeliveryLevel
{
    /// <summary>马上办: handled on the spot.</summary>
    RunImmediately,

    /// <summary>网上办: handled fully online.</summary>
    Online,

    /// <summary>一次办: at most one visit.</summary>
    AtMostOnce,

    /// <summary>掌上办: handled on a phone ("on the palm").</summary>
    OnThePalm,
}

/// <summary>The form in which a material is handed in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaterialFormat>))]
public enum MaterialFormat
{
    /// <summary>原件: the original, shown or handed in.</summary>
    Original,

    /// <summary>复印件: a copy.</summary>
    Copy,

    /// <summary>电子件: an electronic file (PDF, image).</summary>
    Electronic,

    /// <summary>申请表: a form the applicant fills in.</summary>
    Form,
}
