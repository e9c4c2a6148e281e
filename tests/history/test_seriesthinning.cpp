// SeriesThinning (M4): every pixel column keeps its first, last, lowest and highest point.
#include "domain/seriesthinning.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>

using namespace prego;

namespace {
struct ColumnStats
{
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double firstX = 0;
    double lastX = 0;
    bool seen = false;
};

std::map<int, ColumnStats> columns(const QList<QPointF> &points, double from, double to, int width)
{
    std::map<int, ColumnStats> out;
    for (const QPointF &p : points) {
        const int c = SeriesThinning::column(p.x(), from, to, width);
        if (c < 0 || std::isnan(p.y()))
            continue;
        ColumnStats &s = out[c];
        if (!s.seen)
            s.firstX = p.x();
        s.seen = true;
        s.lastX = p.x();
        s.min = std::min(s.min, p.y());
        s.max = std::max(s.max, p.y());
    }
    return out;
}

// The property: the thinned series has the same per-column min, max, first and last as the
// original, is sorted, has no duplicate and at most 4 points per column.
void expectPreserved(const QList<QPointF> &points, double from, double to, int width)
{
    const QList<QPointF> thinned = SeriesThinning::thin(points, from, to, width);
    ASSERT_LE(thinned.size(), 4 * width);
    for (qsizetype i = 1; i < thinned.size(); ++i)
        ASSERT_LE(thinned.at(i - 1).x(), thinned.at(i).x()) << "out of order at " << i;
    const auto before = columns(points, from, to, width);
    const auto after = columns(thinned, from, to, width);
    ASSERT_EQ(before.size(), after.size());
    for (const auto &[column, stats] : before) {
        const auto it = after.find(column);
        ASSERT_NE(it, after.end()) << "column " << column << " lost";
        EXPECT_EQ(it->second.min, stats.min) << "column " << column;
        EXPECT_EQ(it->second.max, stats.max) << "column " << column;
        EXPECT_EQ(it->second.firstX, stats.firstX) << "column " << column;
        EXPECT_EQ(it->second.lastX, stats.lastX) << "column " << column;
    }
    // Each kept point is one of the input's (no invented values).
    std::multimap<double, double> input;
    for (const QPointF &p : points)
        input.emplace(p.x(), p.y());
    for (const QPointF &p : thinned) {
        const auto [lo, hi] = input.equal_range(p.x());
        bool found = false;
        for (auto it = lo; it != hi; ++it)
            found = found || it->second == p.y();
        EXPECT_TRUE(found);
    }
}
} // namespace

TEST(SeriesThinning, RandomSeriesKeepEveryColumnsMinAndMax)
{
    QRandomGenerator rng(20261126);
    for (int round = 0; round < 200; ++round) {
        const int n = rng.bounded(1, 20000);
        const int width = rng.bounded(1, 1200);
        const double from = 1.7e12 + rng.bounded(1000000);
        const double span = 1000.0 * rng.bounded(60, 30 * 86400);
        QList<QPointF> points;
        double x = from - span * 0.05; // some points before the range, some after
        const double step = span * 1.1 / n;
        for (int i = 0; i < n; ++i) {
            x += rng.generateDouble() * 2 * step;
            points.append({std::floor(x), rng.generateDouble() * 100});
        }
        expectPreserved(points, from, from + span, width);
    }
}

TEST(SeriesThinning, SpikySeriesKeepTheirSpikes)
{
    QRandomGenerator rng(4);
    for (int round = 0; round < 100; ++round) {
        const int n = rng.bounded(100, 50000);
        const int width = rng.bounded(50, 900);
        const double from = 1.7e12;
        const double to = from + 86400000.0;
        QList<QPointF> points;
        QList<QPointF> spikes;
        for (int i = 0; i < n; ++i) {
            const double x = from + (to - from) * i / n;
            double y = 20 + rng.generateDouble(); // flat, with rare one-sample spikes both ways
            if (rng.bounded(1000) == 0)
                y = rng.bounded(2) ? 100.0 : 0.0;
            points.append({x, y});
            if (y == 100.0 || y == 0.0)
                spikes.append({x, y});
        }
        expectPreserved(points, from, to, width);
        const QList<QPointF> thinned = SeriesThinning::thin(points, from, to, width);
        for (const QPointF &spike : spikes) {
            const int c = SeriesThinning::column(spike.x(), from, to, width);
            bool seen = false;
            for (const QPointF &p : thinned)
                seen = seen ||
                       (SeriesThinning::column(p.x(), from, to, width) == c && p.y() == spike.y());
            EXPECT_TRUE(seen) << "spike " << spike.y() << " in column " << c << " vanished";
        }
    }
}

TEST(SeriesThinning, SmallInputIsUnchangedAndEdgesAreClean)
{
    const QList<QPointF> few{{0, 1}, {10, 5}, {20, 3}};
    EXPECT_EQ(SeriesThinning::thin(few, 0, 100, 800), few);
    EXPECT_TRUE(SeriesThinning::thin(few, 0, 100, 0).isEmpty());
    EXPECT_TRUE(SeriesThinning::thin(few, 100, 100, 10).isEmpty());
    EXPECT_TRUE(SeriesThinning::thin({}, 0, 100, 10).isEmpty());
    // One column, many points: first, min, max, last, in x order.
    const QList<QPointF> one{{0, 5}, {1, 9}, {2, 1}, {3, 4}, {4, 6}};
    EXPECT_EQ(SeriesThinning::thin(one, 0, 10, 1),
              (QList<QPointF>{{0, 5}, {1, 9}, {2, 1}, {4, 6}}));
    // The point exactly at the right edge belongs to the last column; NaN and outside are dropped.
    const QList<QPointF> edge{{-1, 7}, {0, 1}, {5, std::nan("")}, {10, 2}, {11, 8}};
    EXPECT_EQ(SeriesThinning::thin(edge, 0, 10, 2), (QList<QPointF>{{0, 1}, {10, 2}}));
}

TEST(SeriesThinning, OutputIsBoundedByFourPerColumn)
{
    QList<QPointF> dense;
    for (int i = 0; i < 1000000; ++i)
        dense.append({double(i), double((qint64(i) * 7919) % 101)});
    const QList<QPointF> thinned = SeriesThinning::thin(dense, 0, 999999, 640);
    EXPECT_LE(thinned.size(), 4 * 640);
    EXPECT_GE(thinned.size(), 2 * 640);
}
