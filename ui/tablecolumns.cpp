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

} // namespace prego
