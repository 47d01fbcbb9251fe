#include "CommandLine.h"
#include "Commands.h"
#include "Profile.h"
#include "Translator.h"
#include "Version.h"
#include "ui/MailServices.h"
#include "ui/MainWindow.h"
#include "ui/RunningInstance.h"
#include "ui/compose/ComposeActions.h"
#include "ui/reader/MessageWindow.h"

#include <QApplication>
#include <QMessageBox>

#include <cstdio>
#include <memory>

using namespace Poplar;

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Poplar"));
    QCoreApplication::setApplicationName(QStringLiteral("Poplar"));
    QCoreApplication::setApplicationVersion(version());
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

// `poplar mail.eml`: one window per message, without the profile, so that this works while
// Poplar itself is running.
int showMessageFiles(const QStringList &paths)
{
    QStringList errors;
    int shown = 0;
    for (const QString &path : paths) {
        auto *window = new Ui::MessageWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        const QString error = window->openFile(path);
        if (!error.isEmpty()) {
            errors.append(error);
            delete window;
            continue;
        }
        window->show();
        ++shown;
    }
    if (!errors.isEmpty()) {
        // In words for the terminal too: the file manager shows the box, a shell the text.
        std::fprintf(stderr, "%s\n", qPrintable(errors.join(u'\n')));
        QMessageBox::warning(nullptr, QObject::tr("Poplar"), errors.join(u'\n'));
    }
    return shown > 0 ? QApplication::exec() : 1;
}

int runWindow(int &argc, char **argv)
{
    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/poplar.svg")));
    App::installTranslations(App::CommandLine::languageIn(app.arguments()));
    App::CommandLine commandLine;
    commandLine.process(app);
    if (const QStringList files = commandLine.messageFiles(); !files.isEmpty())
        return showMessageFiles(files);

    // A Poplar already running on the profile opens the links (or just comes forward).
    Ui::RunningInstance instance(commandLine.profileDirectory());
    const QStringList links = commandLine.mailtoLinks();
    if (instance.handOver(links))
        return 0;

    Profile profile(commandLine.profileDirectory());
    if (profile.open() != Profile::OpenResult::Ok) {
        QMessageBox::critical(nullptr, QObject::tr("Poplar"), profile.errorString());
        return 1;
    }
    Ui::MailServices services(profile);
    Ui::MainWindow window(Ui::MailContext{services.settingsPath(), services.writer(),
                                          services.databasePath(), services.sync(),
                                          services.accounts(), services.sendQueue()});
    services.setWindow(&window);
    QObject::connect(&window, &Ui::MainWindow::addAccountRequested, &services,
                     &Ui::MailServices::addAccount);
    QObject::connect(&window, &Ui::MainWindow::editAccountRequested, &services,
                     &Ui::MailServices::editAccount);
    QObject::connect(&window, &Ui::MainWindow::removeAccountRequested, &services,
                     &Ui::MailServices::removeAccount);
    QObject::connect(&window, &Ui::MainWindow::messageQueued, &services,
                     &Ui::MailServices::messageQueued);
    instance.listen(); // without it, later starts say the profile is in use
    auto openLinks = [&window](const QStringList &received) {
        for (const QString &link : received)
            window.composeActions()->composeMailto(link);
    };
    QObject::connect(&instance, &Ui::RunningInstance::linksReceived, &window,
                     [&window, openLinks](const QStringList &received) {
                         window.showNormal();
                         window.raise();
                         window.activateWindow();
                         openLinks(received);
                     });
    window.show();
    services.start();
    openLinks(links);
    return app.exec();
}

int runHeadless(int &argc, char **argv)
{
    QCoreApplication app(argc, argv);
    App::installTranslations(App::CommandLine::languageIn(app.arguments()));
    App::CommandLine commandLine;
    commandLine.process(app); // handles --help and --version, and exits
    return App::runCommand(commandLine.command(),
                           {commandLine.commandArguments(), commandLine.profileDirectory()});
}

} // namespace

int main(int argc, char **argv)
{
    describeApplication();
    if (App::CommandLine::startsGui(argumentsOf(argc, argv)))
        return runWindow(argc, argv);
    return runHeadless(argc, argv);
}
