// dbs-render-icon SVG OUTDIR SIZE...: renders the application icon as OUTDIR/<SIZE>/<name>.png
// at build time, with Qt's own SVG image plugin (libqt6svg6, which the browser needs anyway),
// so that no other SVG renderer is needed to build.
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen"); // no display at build time
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 4) {
        std::fprintf(stderr, "usage: dbs-render-icon SVG OUTDIR SIZE...\n");
        return 2;
    }
    const QString svg = arguments.at(1);
    const QDir outDir(arguments.at(2));
    const QString name = QFileInfo(svg).completeBaseName() + QStringLiteral(".png");
    for (const QString &sizeText : arguments.mid(3)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size <= 0 || size > 4096) {
            std::fprintf(stderr, "dbs-render-icon: bad size %s\n", qPrintable(sizeText));
            return 2;
        }
        QImageReader reader(svg, "svg");
        reader.setScaledSize(QSize(size, size)); // rendered at that size, not scaled down
        const QImage image = reader.read();
        if (image.isNull()) {
            std::fprintf(stderr, "dbs-render-icon: %s: %s\n", qPrintable(svg),
                         qPrintable(reader.errorString()));
            return 1;
        }
        if (!outDir.mkpath(sizeText) ||
            !image.save(outDir.filePath(sizeText + QLatin1Char('/') + name), "PNG")) {
            std::fprintf(stderr, "dbs-render-icon: cannot write %s\n",
                         qPrintable(outDir.filePath(sizeText + QLatin1Char('/') + name)));
            return 1;
        }
    }
    return 0;
}
