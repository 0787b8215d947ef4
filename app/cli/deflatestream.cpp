#include "deflatestream.h"

#include <zlib.h>

namespace dbs {

struct DeflateStream::Private
{
    z_stream stream{};
    Sink out;
    bool ok = false;
};

DeflateStream::DeflateStream(Wrapper wrapper, Sink out) : d(std::make_unique<Private>())
{
    d->out = std::move(out);
    // 15 window bits; +16 writes a gzip header and trailer instead of zlib's.
    d->ok = deflateInit2(&d->stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED,
                         wrapper == Wrapper::Gzip ? 15 + 16 : 15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
}

DeflateStream::~DeflateStream()
{
    deflateEnd(&d->stream);
}

void DeflateStream::write(const char *data, size_t size)
{
    if (d->ok && size > 0)
        d->ok = run(data, size, Z_NO_FLUSH);
}

bool DeflateStream::finish()
{
    return d->ok && (d->ok = run(nullptr, 0, Z_FINISH));
}

bool DeflateStream::run(const char *data, size_t size, int flush)
{
    z_stream &stream = d->stream;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    stream.avail_in = uInt(size);
    char buffer[16 * 1024];
    int result = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        result = deflate(&stream, flush);
        if (result == Z_STREAM_ERROR)
            return false;
        if (const size_t produced = sizeof buffer - stream.avail_out; produced > 0)
            d->out(buffer, produced);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && result != Z_STREAM_END));
    return true;
}

bool inflateInPieces(const QByteArray &deflated,
                     const std::function<void(const char *data, size_t size)> &out)
{
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK)
        return false;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(deflated.constData()));
    stream.avail_in = uInt(deflated.size());
    char buffer[64 * 1024];
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END)
            break;
        if (const size_t produced = sizeof buffer - stream.avail_out; produced > 0)
            out(buffer, produced);
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END;
}

} // namespace dbs
