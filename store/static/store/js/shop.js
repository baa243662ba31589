/*
 * Add to the basket without leaving the page.
 *
 * Every form that posts to the basket's "add" address works on its own: the browser sends it
 * and the shop answers with a page. When scripts run, the form is sent with fetch instead, the
 * page the shop answers with is read, and its header basket and messages replace this page's.
 * If anything goes wrong the form is sent the ordinary way, so the shopper never loses a click.
 */
(function (window, document) {
    "use strict";

    var ADD_TO_BASKET = /\/basket\/add\/\d+\/?$/;

    // Read the attributes, not form.action and form.method: a field named "action" or
    // "method" would stand in for them.
    function addsToBasket(form) {
        var method = (form.getAttribute("method") || "get").toLowerCase();
        var action = new URL(form.getAttribute("action") || "", window.location.href);
        return method === "post" &&
            action.origin === window.location.origin &&
            ADD_TO_BASKET.test(action.pathname);
    }

    // Put the answer's element in place of this page's, or only its contents when
    // ``inside``: a live region stays the same element, so screen readers read out the change.
    function swap(answer, selector, inside) {
        var mine = document.querySelector(selector);
        var theirs = answer.querySelector(selector);
        if (!mine || !theirs) {
            return false;
        }
        theirs = document.importNode(theirs, true);
        if (inside) {
            mine.replaceChildren.apply(mine, Array.prototype.slice.call(theirs.childNodes));
        } else {
            mine.replaceWith(theirs);
        }
        return true;
    }

    function send(form, submitter) {
        var button = submitter || form.querySelector("[type=submit]");
        var data = new FormData(form);
        if (submitter && submitter.name) {
            data.append(submitter.name, submitter.value);
        }
        var label = button && button.innerHTML;
        if (button) {
            button.disabled = true;
        }
        form.setAttribute("aria-busy", "true");
        return window.fetch(form.getAttribute("action"), {
            method: "POST",
            body: data,
            credentials: "same-origin",
            redirect: "follow"
        }).then(function (response) {
            if (!response.ok) {
                throw new Error("the basket answered " + response.status);
            }
            return response.text();
        }).then(function (html) {
            var answer = new DOMParser().parseFromString(html, "text/html");
            if (!swap(answer, "#messages", true)) {
                throw new Error("the answer has no messages");
            }
            swap(answer, "#mini-basket");
        }).finally(function () {
            // Oscar's own script may have greyed the button out with a "loading" text too.
            if (button) {
                button.innerHTML = label;
                button.disabled = false;
                button.classList.remove("disabled");
            }
            form.removeAttribute("aria-busy");
        });
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || event.defaultPrevented || !window.fetch || !window.DOMParser || !addsToBasket(form)) {
            return;
        }
        event.preventDefault();
        send(form, event.submitter).catch(function () {
            form.submit();
        });
    });
})(window, document);

/*
 * The checkout's first step: the password box is for returning customers, so it is only
 * enabled while "I am a returning customer" is chosen. Without scripts it is always enabled
 * and the server checks the choice.
 */
(function (window, document) {
    "use strict";

    var store = window.store = window.store || {};
    var inits = store.pageInits = store.pageInits || {};

    inits["checkout-gateway"] = function () {
        var password = document.getElementById("id_password");
        var choices = document.querySelectorAll("input[name=options]");
        if (!password || !choices.length) {
            return;
        }
        function follow() {
            var chosen = document.querySelector("input[name=options]:checked");
            password.disabled = !chosen || chosen.value !== "existing";
        }
        Array.prototype.forEach.call(choices, function (choice) {
            choice.addEventListener("change", follow);
        });
        follow();
    };
})(window, document);

/*
 * The header's menus are <details> disclosures that open and close without scripts. With
 * them, a menu also closes when the shopper clicks elsewhere or presses Escape, and opening
 * one closes the other.
 */
(function (document) {
    "use strict";

    function openMenus() {
        return Array.prototype.slice.call(document.querySelectorAll("details.header-menu[open]"));
    }

    document.addEventListener("click", function (event) {
        openMenus().forEach(function (menu) {
            if (!menu.contains(event.target)) {
                menu.open = false;
            }
        });
    });

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        openMenus().forEach(function (menu) {
            menu.open = false;
            menu.querySelector("summary").focus();
        });
    });
})(document);
