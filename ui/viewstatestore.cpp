#include "viewstatestore.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
// Key of one part: "header.<name>" or "splitter.<name>" (the window's own geometry: "geometry").
template<typename F> void forEachPart(QWidget *window, F &&f)
{
    for (QHeaderView *header : window->findChildren<QHeaderView *>()) {
        // A header is named after its view.
        // Parts of another window (a dialog or detail window parented to this one) are its own.
        const QWidget *view = header->parentWidget();
        if (!view || view->objectName().isEmpty() || header->orientation() != Qt::Horizontal ||
            header->window() != window)
            continue;
        f(u"header."_s + view->objectName(), header);
    }
    for (QSplitter *splitter : window->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty() && splitter->window() == window)
            f(u"splitter."_s + splitter->objectName(), splitter);
    }
}

QByteArray stateOf(QObject *part)
{
    if (auto *header = qobject_cast<QHeaderView *>(part))
        return header->saveState();
    if (auto *splitter = qobject_cast<QSplitter *>(part))
        return splitter->saveState();
    return {};
}

bool restoreOf(QObject *part, const QByteArray &state)
{
    if (auto *header = qobject_cast<QHeaderView *>(part)) {
        if (!header->restoreState(state))
            return false;
        // The header knows the sort column; the view sorts by it only when told.
        if (auto *table = qobject_cast<QTableView *>(header->parentWidget());
            table && table->isSortingEnabled())
            table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
        if (auto *tree = qobject_cast<QTreeView *>(header->parentWidget());
            tree && tree->isSortingEnabled())
            tree->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
        return true;
    }
    if (auto *splitter = qobject_cast<QSplitter *>(part))
        return splitter->restoreState(state);
    return false;
}
} // namespace

ViewStateStore::ViewStateStore(QSettings *settings)
    : m_settings(settings)
{}

QString ViewStateStore::profileGroup(const QString &profile)
{
    // A profile name may hold characters QSettings treats as separators.
    return u"views/%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(profile)));
}

QString ViewStateStore::groupFor(const QString &profile, const QWidget *window)
{
    return profileGroup(profile) + u'/' + window->objectName();
}

void ViewStateStore::captureDefaults(QWidget *window)
{
    forEachPart(window, [&](const QString &key, QObject *part) {
        const QString id = window->objectName() + u'/' + key;
        if (!m_defaults.contains(id))
            m_defaults.insert(id, stateOf(part));
    });
}

void ViewStateStore::save(const QString &profile, QWidget *window)
{
    if (!m_settings || profile.isEmpty())
        return;
    m_settings->beginGroup(groupFor(profile, window));
    m_settings->setValue(u"geometry"_s, window->saveGeometry());
    if (auto *main = qobject_cast<QMainWindow *>(window))
        m_settings->setValue(u"state"_s, main->saveState());
    forEachPart(window, [&](const QString &key, QObject *part) {
        m_settings->setValue(key, stateOf(part));
    });
    m_settings->endGroup();
}

QStringList ViewStateStore::restore(const QString &profile, QWidget *window, bool geometry)
{
    QStringList restoredHeaders;
    if (!m_settings || profile.isEmpty())
        return restoredHeaders;
    captureDefaults(window);
    m_settings->beginGroup(groupFor(profile, window));
    if (geometry && m_settings->contains(u"geometry"_s))
        window->restoreGeometry(m_settings->value(u"geometry"_s).toByteArray());
    if (auto *main = qobject_cast<QMainWindow *>(window); main && m_settings->contains(u"state"_s))
        main->restoreState(m_settings->value(u"state"_s).toByteArray());
    forEachPart(window, [&](const QString &key, QObject *part) {
        const QByteArray stored = m_settings->value(key).toByteArray();
        if (!stored.isEmpty() && restoreOf(part, stored)) {
            if (key.startsWith(u"header."))
                restoredHeaders.append(key.mid(7));
            return;
        }
        restoreOf(part, m_defaults.value(window->objectName() + u'/' + key));
    });
    m_settings->endGroup();
    return restoredHeaders;
}

} // namespace prego
