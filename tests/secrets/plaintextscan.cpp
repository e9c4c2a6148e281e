#include "plaintextscan.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego::test {

namespace {

QByteArray utf16(const QString &s, bool bigEndian)
{
    QByteArray out;
    out.reserve(s.size() * 2);
    for (const QChar c : s) {
        const auto hi = char(c.unicode() >> 8);
        const auto lo = char(c.unicode() & 0xff);
        out.append(bigEndian ? hi : lo);
        out.append(bigEndian ? lo : hi);
    }
    return out;
}

// The part of the Base64 text that only depends on the secret when it starts `offset` bytes into
// the encoded data: the first and last characters mix in the neighbouring bytes.
QByteArray base64Core(const QByteArray &secret, int offset, QByteArray::Base64Options options)
{
    const QByteArray padded = QByteArray(offset, '\0') + secret;
    QByteArray encoded = padded.toBase64(options | QByteArray::OmitTrailingEquals);
    const qsizetype start = (offset * 8 + 5) / 6;  // first character with no neighbour bits
    const qsizetype end = (padded.size() * 4) / 3; // last character mixing only secret bytes
    return encoded.mid(start, end - start);
}

void countIn(const QByteArray &haystack, const QByteArray &needle, qint64 *count)
{
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
        ++*count;
}

void scanFile(const QString &path, const QList<SecretForm> &forms, SecretScan *result)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return; // other tests' files may vanish while we look
    ++result->files;
    qsizetype longest = 0;
    for (const SecretForm &f : forms)
        longest = std::max(longest, f.bytes.size());
    QList<qint64> counts(forms.size(), 0);
    constexpr qint64 Chunk = 8 * 1024 * 1024;
    QByteArray tail; // the end of the previous chunk, so a match across the boundary is found
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(Chunk);
        if (chunk.isEmpty())
            break;
        result->bytes += chunk.size();
        const QByteArray window = tail + chunk;
        for (qsizetype i = 0; i < forms.size(); ++i) {
            qint64 n = 0;
            countIn(window, forms.at(i).bytes, &n);
            // A match entirely inside the tail was counted with the previous chunk.
            qint64 inTail = 0;
            countIn(tail, forms.at(i).bytes, &inTail);
            counts[i] += n - inTail;
        }
        tail = window.right(longest - 1);
    }
    for (qsizetype i = 0; i < forms.size(); ++i)
        if (counts.at(i) > 0)
            result->hits.append({path, forms.at(i).name, counts.at(i)});
}

} // namespace

QList<SecretForm> secretForms(const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    QList<SecretForm> forms{
        {u"UTF-8"_s, utf8},
        {u"percent-encoded"_s, QUrl::toPercentEncoding(secret)},
        {u"percent-encoded (every byte)"_s, QUrl::toPercentEncoding(secret, {}, utf8)},
        {u"UTF-16LE"_s, utf16(secret, false)},
        {u"UTF-16BE"_s, utf16(secret, true)},
    };
    for (int offset = 0; offset < 3; ++offset) {
        forms.append({u"Base64 (offset %1)"_s.arg(offset),
                      base64Core(utf8, offset, QByteArray::Base64Encoding)});
        forms.append({u"Base64url (offset %1)"_s.arg(offset),
                      base64Core(utf8, offset, QByteArray::Base64UrlEncoding)});
    }
    // Identical forms (a token with nothing to escape) are searched once.
    QList<SecretForm> unique;
    for (const SecretForm &f : forms)
        if (std::none_of(unique.begin(), unique.end(),
                         [&](const SecretForm &u) { return u.bytes == f.bytes; }))
            unique.append(f);
    return unique;
}

qint64 SecretScan::occurrences() const
{
    qint64 n = 0;
    for (const Hit &h : hits)
        n += h.count;
    return n;
}

QString SecretScan::describeHits() const
{
    QString text;
    for (const Hit &h : hits)
        text += u"%1: %2 x%3\n"_s.arg(h.path, h.form).arg(h.count);
    return text;
}

SecretScan scanForSecret(const QStringList &paths, const QString &secret)
{
    const QList<SecretForm> forms = secretForms(secret);
    SecretScan result;
    for (const QString &path : paths) {
        if (path.isEmpty())
            continue;
        const QFileInfo top(path);
        if (top.isFile() && !top.isSymLink()) {
            scanFile(top.filePath(), forms, &result);
            continue;
        }
        QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info(it.next());
            if (info.isFile() && !info.isSymLink())
                scanFile(info.filePath(), forms, &result);
        }
    }
    return result;
}

QStringList filesContainingSecret(const QStringList &directories, const QString &secret)
{
    QStringList files;
    for (const SecretScan::Hit &hit : scanForSecret(directories, secret).hits)
        if (!files.contains(hit.path))
            files << hit.path;
    return files;
}

} // namespace prego::test
