namespace Followthrough.Accounts;

/// <summary>Marker for the Accounts module's strings; English is the key, AccountsText.zh-Hans.resx translates.</summary>
internal sealed class AccountsText;
