#pragma once

class QTableView;

namespace prego {

// Fits every column of a table whose last column stretches (QHeaderView::stretchLastSection) to
// its contents. resizeColumnsToContents() alone sizes the last column to its text too, which undoes
// the stretch until the next resize of the view: the table then ends in an empty band. When the
// fitted columns leave room, the last one is stretched again to fill it; when they are wider than
// the view, they keep their widths and the horizontal scroll bar shows the rest.
void fitColumnsToContents(QTableView *table);

} // namespace prego
