#pragma once

#include <QObject>

class QTableView;

namespace prego {

// Fits every column of a table whose last column stretches (QHeaderView::stretchLastSection) to
// its contents. resizeColumnsToContents() alone sizes the last column to its text too, which undoes
// the stretch until the next resize of the view: the table then ends in an empty band. When the
// fitted columns leave room, the last one is stretched again to fill it; when they are wider than
// the view, they keep their widths and the horizontal scroll bar shows the rest.
void fitColumnsToContents(QTableView *table);

// Fits a table's columns to its rows (fitColumnsToContents) on every fit() until the widths are to
// be kept: from the moment the operator sizes a column by hand (any but the last, which only
// stretches with the view), or when told so because widths were restored for the profile.
class ColumnFitter final : public QObject
{
public:
    explicit ColumnFitter(QTableView *table); // a child of the table

    QTableView *table() const { return m_table; }
    void fit();
    void setKeepWidths(bool keep) { m_keep = keep; }

private:
    QTableView *m_table;
    bool m_fitting = false; // fit() is resizing: not the operator
    bool m_keep = false;
};

} // namespace prego
