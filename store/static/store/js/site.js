/*
 * Start the page's scripts. Every page works without them; they only make it nicer.
 *
 * Oscar starts each page with an inline script. A strict Content-Security-Policy forbids
 * inline scripts, so a page names what it needs in <body data-page-init="name other-name">
 * (the page_init template block) and this file runs store.pageInits[name] for each name.
 * Other static files may add their own entries to store.pageInits before the page is ready.
 */
(function (window, document) {
    "use strict";

    document.documentElement.classList.remove("no-js");
    document.documentElement.classList.add("js");

    var store = window.store = window.store || {};
    var inits = store.pageInits = store.pageInits || {};
    var oscar = window.oscar;

    if (oscar) {
        inits.search = inits.search || function () { oscar.search.init(); };
        inits["checkout-gateway"] = inits["checkout-gateway"] || function () {
            oscar.checkout.gateway.init();
        };
        inits.wishlists = inits.wishlists || function () { oscar.customer.wishlists.init(); };
        inits.notifications = inits.notifications || function () { oscar.notifications.init(); };
    }

    function start() {
        if (oscar) {
            oscar.init();
        }
        var names = (document.body.getAttribute("data-page-init") || "").split(/\s+/);
        names.forEach(function (name) {
            if (name && typeof inits[name] === "function") {
                inits[name]();
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})(window, document);
