namespace Inworld.Analyzers.Core
{
    /// <summary>What kind of Inworld credential a string value is.</summary>
    internal enum CredentialKind
    {
        None = 0,

        /// <summary>The Portal's "Basic (Base64)" API key: base64(keyId + ":" + secret).</summary>
        ApiKey,

        /// <summary>The undecoded "keyId:secret" pair that code turns into an API key.</summary>
        RawKeyPair,

        /// <summary>A key id on its own (the JWT flows call it INWORLD_KEY).</summary>
        KeyId,

        /// <summary>A secret on its own (INWORLD_SECRET).</summary>
        Secret,
    }
}
