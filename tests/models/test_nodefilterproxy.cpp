#include "domain/serverclock.h"
#include "nodefilterproxy.h"
#include "nodetablemodel.h"
#include "testnodes.h"

#include <QAbstractItemModelTester>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::Freshness;
using prego::Node;
using prego::NodeMetrics;
using prego::NodesSnapshot;
using prego::NodeTableModel;

namespace {

constexpr qint64 ServerNow = 1'800'000'000'000;

constexpr prego::test::AgedNodes node{ServerNow};

struct Fixture
{
    prego::ServerClock clock{[] {
        return ServerNow;
    }};
    NodeTableModel model{&clock};
    prego::NodeFilterProxy proxy;
    QAbstractItemModelTester tester{&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal};

    Fixture()
    {
        clock.sync(ServerNow);
        proxy.setSourceModel(&model);
        NodesSnapshot s;
        s.serverTimeMs = ServerNow;
        Node globexDb = node(u"ded-globex-db"_s, 10, 2.0, u"hel1"_s);
        globexDb.placement = u"dedicated"_s;
        globexDb.role = u"db"_s;
        globexDb.acceptsTenants = false;
        globexDb.tenantId = u"globex"_s;
        s.nodes = {node(u"fsn1-shared-01"_s, 10, 9.5), node(u"fsn1-shared-02"_s, 900, 10.0),
                   node(u"nbg1-shared-01"_s, 10, 85.0, u"nbg1"_s),
                   node(u"hel1-shared-01"_s, std::nullopt, std::nullopt, u"hel1"_s), globexDb};
        model.applySnapshot(s);
    }

    QStringList ids() const
    {
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r)
            out << proxy.index(r, 0).data(NodeTableModel::NodeIdRole).toString();
        return out;
    }
};

} // namespace

TEST(NodeFilterProxy, SortsOnRawValuesNotTexts)
{
    Fixture f;
    f.proxy.sort(NodeTableModel::CpuColumn, Qt::AscendingOrder);
    // "10.0 %" sorts before "9.5 %" as text; as numbers it is after. No value sorts first.
    EXPECT_EQ(f.ids(), (QStringList{u"hel1-shared-01"_s, u"ded-globex-db"_s, u"fsn1-shared-01"_s,
                                    u"fsn1-shared-02"_s, u"nbg1-shared-01"_s}));
    // Freshness sorts by need of attention: never reported, stale, then fresh.
    f.proxy.sort(NodeTableModel::FreshnessColumn, Qt::AscendingOrder);
    EXPECT_EQ(f.ids().mid(0, 2), (QStringList{u"hel1-shared-01"_s, u"fsn1-shared-02"_s}));
    f.proxy.sort(NodeTableModel::LastReportColumn, Qt::DescendingOrder);
    EXPECT_EQ(f.ids().last(), u"hel1-shared-01"_s); // never reported is the oldest
}

TEST(NodeFilterProxy, FiltersByTextRegionPlacementAndFreshness)
{
    Fixture f;
    f.proxy.sort(NodeTableModel::NodeColumn, Qt::AscendingOrder);
    f.proxy.setText(u"GLOBEX"_s); // tenant and id, case-insensitive
    EXPECT_EQ(f.ids(), QStringList{u"ded-globex-db"_s});
    f.proxy.setText(u"host-nbg1"_s); // hostname
    EXPECT_EQ(f.ids(), QStringList{u"nbg1-shared-01"_s});
    f.proxy.setText({});
    f.proxy.setRegion(u"hel1"_s);
    EXPECT_EQ(f.ids(), (QStringList{u"ded-globex-db"_s, u"hel1-shared-01"_s}));
    f.proxy.setPlacement(u"shared"_s);
    EXPECT_EQ(f.ids(), QStringList{u"hel1-shared-01"_s});
    f.proxy.setRegion({});
    f.proxy.setPlacement({});
    f.proxy.setFreshness(int(Freshness::Stale));
    EXPECT_EQ(f.ids(), QStringList{u"fsn1-shared-02"_s});
    f.proxy.setFreshness(int(Freshness::NeverReported));
    EXPECT_EQ(f.ids(), QStringList{u"hel1-shared-01"_s});
    f.proxy.setFreshness(std::nullopt);
    EXPECT_EQ(f.ids().size(), 5);
}
