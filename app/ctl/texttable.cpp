#include "texttable.h"

namespace prego {

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{}

void TextTable::addRow(QStringList cells)
{
    m_rows.append(std::move(cells));
}

int TextTable::displayWidth(const QString &text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                          (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                          (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                          (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
                          (c >= 0x20000 && c <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

QString TextTable::render() const
{
    QList<int> widths;
    for (const QString &h : m_headers)
        widths.append(displayWidth(h));
    for (const QStringList &row : m_rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString cell = cells.value(c);
            const QString pad(widths[c] - displayWidth(cell), u' ');
            const bool last = c == widths.size() - 1;
            if (m_rightAligned.contains(int(c)))
                out += pad + cell;
            else
                out += last ? cell : cell + pad;
            if (!last)
                out += QStringLiteral("  ");
        }
        return out + u'\n';
    };
    QString out = line(m_headers);
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}

} // namespace prego
