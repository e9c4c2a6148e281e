#include "tablecolumns.h"

#include <QHeaderView>
#include <QTableView>

namespace prego {

void fitColumnsToContents(QTableView *table)
{
    table->resizeColumnsToContents();
    QHeaderView *header = table->horizontalHeader();
    if (header->stretchLastSection() && header->length() <= table->viewport()->width()) {
        // Setting the property again is what makes QHeaderView stretch the last section now.
        header->setStretchLastSection(false);
        header->setStretchLastSection(true);
    }
}

ColumnFitter::ColumnFitter(QTableView *table)
    : QObject(table)
    , m_table(table)
{
    QHeaderView *header = table->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, [this, header](int section) {
        if (!m_fitting && section != header->logicalIndex(header->count() - 1))
            m_keep = true;
    });
}

void ColumnFitter::fit()
{
    if (m_keep)
        return;
    m_fitting = true;
    fitColumnsToContents(m_table);
    m_fitting = false;
}

} // namespace prego
