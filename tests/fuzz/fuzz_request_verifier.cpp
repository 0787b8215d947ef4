// libFuzzer target: the simulator's request decoding (parseQueryString), canonicalization and
// signature check (dbs::verifyRequest, V1 and V3), fed the way app/sim/simulator.cpp feeds
// them from an HTTP request.
//
// Input, one field a line (LF):
//   MODE      "v1-sign" / "v3-sign": the harness signs the request itself with the key it names
//             (so the checks after the signature run too); anything else: judged as it is
//   METHOD
//   TARGET    path?query
//   NAME: VALUE ... header lines, up to an empty line
//   BODY      the rest (form fields for V1 when content-type is form-encoded)
#include <api/signing.h>
#include <sim/requestverifier.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace sg = dbs::signing;
using dbs::AccessKey;
using dbs::IncomingRequest;

namespace {
constexpr qint64 nowMs = 1700000000000; // 2023-11-14T22:13:20Z, the seeds' time

// The second key expires half a minute before the harness's clock: its requests are judged
// for expiry too.
const dbs::KeyStore &keys()
{
    static const dbs::KeyStore keys(QList<AccessKey>{
        AccessKey{"LTAI5tFuzzKey0001", "fuzz-secret-0001", {}},
        AccessKey{"STS.FuzzKey0002", "fuzz-secret-0002", "fuzz-sts-token"},
        AccessKey{"STS.FuzzKey0003", "fuzz-secret-0003", "fuzz-sts-token-3", nowMs - 30 * 1000},
    });
    return keys;
}

QByteArray takeLine(QByteArray &rest)
{
    const qsizetype newline = rest.indexOf('\n');
    QByteArray line = newline < 0 ? rest : rest.left(newline);
    rest = newline < 0 ? QByteArray() : rest.mid(newline + 1);
    return line;
}

// RFC 7230 token: what a real HTTP server hands over as a header name.
bool isToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray rest(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArray mode = takeLine(rest);
    IncomingRequest request;
    request.method = takeLine(rest);
    const QByteArray target = takeLine(rest);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    if (question >= 0)
        request.query = dbs::parseQueryString(target.mid(question + 1));
    bool tokenNames = true;
    while (!rest.isEmpty()) {
        const QByteArray line = takeLine(rest);
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = (colon < 0 ? line : line.left(colon)).toLower();
        const QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1).trimmed();
        tokenNames = tokenNames && isToken(name);
        if (!request.headers.contains(name)) // as the simulator does: the first one wins
            request.headers.insert(name, value);
    }
    request.body = rest;

    const bool v3Sign = mode == "v3-sign";
    bool signedHere = false;
    if (v3Sign && !request.headers.contains("authorization")) {
        const QByteArray keyId = request.headers.value("x-fuzz-key", "LTAI5tFuzzKey0001");
        request.headers.remove("x-fuzz-key");
        if (const std::optional<AccessKey> key = keys().find(keyId)) {
            const QList<QByteArray> names = sg::v3HeadersToSign(request.headers);
            const QByteArray canonical =
                sg::v3CanonicalRequest(request.method, request.path, request.query, request.headers,
                                       names, sg::hexSha256(request.body));
            const QByteArray signature =
                sg::v3Signature(key->secret, sg::v3StringToSign(canonical));
            request.headers.insert("authorization",
                                   sg::v3AuthorizationHeader(keyId, names, signature));
            signedHere = tokenNames;
        }
    }
    if (request.headers.value("content-type").startsWith("application/x-www-form-urlencoded") &&
        !request.headers.contains("authorization"))
        request.form = dbs::parseQueryString(request.body);
    if (mode == "v1-sign") {
        const sg::QueryItems all = request.query + request.form;
        QByteArray keyId;
        bool hasSignature = false;
        for (const auto &item : all) {
            if (item.first == "AccessKeyId" && keyId.isNull())
                keyId = item.second;
            hasSignature = hasSignature || item.first == "Signature";
        }
        // With an Authorization header the request is judged as V3, so a V1 signature added
        // here proves nothing.
        if (const std::optional<AccessKey> key = keys().find(keyId);
            key && !hasSignature && !request.headers.contains("authorization")) {
            request.query.append(
                {"Signature",
                 sg::v1Signature(key->secret, sg::v1StringToSign(request.method, all))});
            signedHere = true;
        }
    }

    dbs::NonceCache nonces;
    const dbs::Verdict verdict = dbs::verifyRequest(request, keys(), nowMs, &nonces);
    // What the client's signer signs, the verifier must accept as signed.
    if (signedHere && verdict.code == QLatin1String("SignatureDoesNotMatch"))
        std::abort();
    // The same request again: its nonce is now used. An anonymous call (AssumeRoleWithOIDC,
    // whose OIDC token is its proof) has no nonce to use up.
    if (verdict.accepted() && !verdict.accessKeyId.isEmpty()) {
        const dbs::Verdict replay = dbs::verifyRequest(request, keys(), nowMs, &nonces);
        if (replay.accepted())
            std::abort();
    }
    return 0;
}
