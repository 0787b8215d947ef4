// libFuzzer target: dbs::parseDescribeResponse() on any body, with the HTTP status taken from
// the body's length so that every status class (2xx, 4xx, 5xx, odd ones) gets bodies.
#include <api/responseparser.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int statuses[] = {200, 200, 200, 400, 403, 404, 500, 503, 0, 302, 999, -1};
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const int status = statuses[size % (sizeof statuses / sizeof statuses[0])];
    const dbs::ParsedResponse parsed = dbs::parseDescribeResponse(body, status);
    (void)dbs::isRetryable(parsed.error);
    // A non-2xx status is never a good page.
    if ((status < 200 || status > 299) && parsed.error.kind == dbs::ApiError::Kind::None)
        std::abort();
    return 0;
}
