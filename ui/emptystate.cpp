#include "emptystate.h"

#include <QAbstractItemView>
#include <QEvent>

namespace prego {

namespace {
constexpr int Margin = 24;
}

EmptyState::EmptyState(QAbstractItemView *view)
    : QLabel(view) // over the viewport, not in it: a viewport's children move when it scrolls
    , m_viewport(view->viewport())
{
    setObjectName(view->objectName() + QLatin1String("Empty"));
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    m_viewport->installEventFilter(this);
    hide();
}

void EmptyState::setMessage(const QString &message)
{
    if (message == text() && isVisibleTo(parentWidget()) == !message.isEmpty())
        return;
    setText(message);
    fit();
    setVisible(!message.isEmpty());
    raise();
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    // Compared by the pointer kept, not by asking the view: the filter also sees the events of
    // the view's destruction, when it is no longer a QAbstractItemView (UBSan: "member call on
    // address … which does not point to an object of type 'QAbstractScrollArea'").
    if (watched == m_viewport && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        fit();
    return QLabel::eventFilter(watched, event);
}

void EmptyState::fit()
{
    setGeometry(m_viewport->geometry().adjusted(Margin, Margin, -Margin, -Margin));
}

} // namespace prego
