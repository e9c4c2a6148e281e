#include "texttable.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::TextTable;

TEST(TextTable, AlignsByDisplayWidthIncludingHangul)
{
    EXPECT_EQ(TextTable::displayWidth(u"node"_s), 4);
    EXPECT_EQ(TextTable::displayWidth(u"노드"_s), 4);
    TextTable t({u"노드"_s, u"CPU %"_s});
    t.setRightAligned({1});
    t.addRow({u"fsn1-shared-01"_s, u"7.5"_s});
    t.addRow({u"a"_s, u"100.0"_s});
    const QStringList lines = t.render().split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    // Every line is as wide as the widest: the right column ends in the same terminal column.
    EXPECT_EQ(TextTable::displayWidth(lines[0]), TextTable::displayWidth(lines[1]));
    EXPECT_EQ(TextTable::displayWidth(lines[1]), TextTable::displayWidth(lines[2]));
    EXPECT_TRUE(lines[1].endsWith(u"  7.5"_s));
}
