using System.Globalization;
using System.Text;
using ChatCoach.Http;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace ChatCoach.Tests.Http;

/// <summary>Ed25519 signatures as Discord makes them (timestamp then body), with real keys.</summary>
public sealed class InteractionSignatureTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);
    private readonly Key _discord = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly FakeTimeProvider _time = new(Now);
    private readonly byte[] _body = Encoding.UTF8.GetBytes("""{"type":1,"id":"1","application_id":"2","token":"t","version":1}""");

    private InteractionSignature Verifier => new(InteractionSignature.Import(Convert.ToHexString(_discord.PublicKey.Export(KeyBlobFormat.RawPublicKey)))!, _time);

    private static string Stamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Sign(Key key, string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.ASCII.GetBytes(timestamp), .. body]));

    [Fact]
    public void A_fresh_signature_by_the_application_key_is_accepted()
    {
        var stamp = Stamp(Now);

        Assert.True(Verifier.Verify(Sign(_discord, stamp, _body), stamp, _body));
    }

    [Fact]
    public void Another_key_a_changed_body_or_a_changed_timestamp_is_refused()
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var stamp = Stamp(Now);
        var changed = _body.ToArray();
        changed[^2] ^= 1;

        Assert.False(Verifier.Verify(Sign(other, stamp, _body), stamp, _body));
        Assert.False(Verifier.Verify(Sign(_discord, stamp, _body), stamp, changed));
        Assert.False(Verifier.Verify(Sign(_discord, stamp, _body), Stamp(Now.AddSeconds(1)), _body));
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    public void A_timestamp_more_than_five_minutes_away_either_way_is_refused(int seconds, bool accepted)
    {
        var stamp = Stamp(Now.AddSeconds(seconds));

        Assert.Equal(accepted, Verifier.Verify(Sign(_discord, stamp, _body), stamp, _body));
    }

    [Theory]
    [InlineData(null, "1796421600")]
    [InlineData("", "1796421600")]
    [InlineData("zz", "1796421600")]
    [InlineData("00", null)]
    [InlineData("00", "-5")]
    [InlineData("00", "99999999999999999999")]
    public void Missing_or_malformed_headers_are_refused(string? signature, string? timestamp) =>
        Assert.False(Verifier.Verify(signature is "00" ? new string('0', 128) : signature, timestamp, _body));

    [Theory]
    [InlineData("")]
    [InlineData("not hex")]
    [InlineData("abcd")]
    public void A_public_key_that_is_not_32_bytes_of_hex_is_not_imported(string hex) => Assert.Null(InteractionSignature.Import(hex));

    public void Dispose() => _discord.Dispose();
}
