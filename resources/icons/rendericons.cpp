// Renders the application icon as hicolor PNGs at build time: the same drawing as
// io.prego.Console.svg (Qt's SVG module is not a dependency), crisp at every size.
//   rendericons OUTDIR  ->  OUTDIR/{16,24,32,48,64,128,256}/io.prego.Console.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <cstdio>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc != 2) {
        std::fputs("usage: rendericons OUTDIR\n", stderr);
        return 1;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 128.0, size / 128.0);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1f, 0x3a, 0x5f));
        p.drawRoundedRect(QRectF(8, 8, 112, 112), 22, 22);
        const QColor bars[] = {QColor(0x3b, 0xa5, 0x5c), QColor(0x3b, 0xa5, 0x5c),
                               QColor(0xf0, 0xa2, 0x02)};
        for (int i = 0; i < 3; ++i) {
            p.setBrush(bars[i]);
            p.drawRoundedRect(QRectF(26, 30 + 26 * i, 76, 16), 4, 4);
            p.setBrush(Qt::white);
            p.drawEllipse(QPointF(92, 38 + 26 * i), 4, 4);
        }
        p.end();
        const QString dir = QStringLiteral("%1/%2").arg(out).arg(size);
        QDir().mkpath(dir);
        if (!image.save(dir + QStringLiteral("/io.prego.Console.png"))) {
            std::fprintf(stderr, "rendericons: cannot write %s\n", qUtf8Printable(dir));
            return 1;
        }
    }
    return 0;
}
