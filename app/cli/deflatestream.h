#pragma once

#include <QByteArray>

#include <functional>
#include <memory>

namespace dbs {

// zlib's deflate and inflate as streams: what is written comes out, in pieces, to `out`.
class DeflateStream
{
public:
    enum class Wrapper { Gzip, Zlib }; // gzip (RFC 1952) for HTTP; zlib's own for keeping
    using Sink = std::function<void(const char *data, size_t size)>;

    DeflateStream(Wrapper wrapper, Sink out);
    ~DeflateStream();
    DeflateStream(const DeflateStream &) = delete;
    DeflateStream &operator=(const DeflateStream &) = delete;

    void write(const char *data, size_t size);
    void write(const QByteArray &bytes) { write(bytes.constData(), size_t(bytes.size())); }
    // Writes what is left; false when zlib failed at any point (what came out is then no use).
    bool finish();

private:
    bool run(const char *data, size_t size, int flush);

    struct Private;
    std::unique_ptr<Private> d; // zlib's state points back at its stream: never moved
};

// Inflates `deflated` (zlib's wrapper) piece by piece to `out`; false when it is not whole.
bool inflateInPieces(const QByteArray &deflated,
                     const std::function<void(const char *data, size_t size)> &out);

} // namespace dbs
