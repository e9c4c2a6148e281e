#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace prego {

// A plain-text table for terminals, aligned by display width (Hangul and other wide characters
// take two columns).
class TextTable
{
public:
    explicit TextTable(QStringList headers);
    void addRow(QStringList cells);
    void setRightAligned(QSet<int> columns) { m_rightAligned = std::move(columns); }
    QString render() const;

    static int displayWidth(const QString &text);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QSet<int> m_rightAligned;
};

} // namespace prego
