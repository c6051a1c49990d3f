// The story page's map: Leaflet over coastlines and borders served by the app (no tiles, no CDN).
// Places come from the element's data-places attribute (JSON the server wrote and escaped). A town is a
// point; a facility or county, a province or a country is a dashed area of about its size. Names show
// on hover, so labels never print over each other.
(function () {
  "use strict";
  var el = document.getElementById("story-map");
  if (!el || !window.L) {
    return;
  }
  var places = JSON.parse(el.getAttribute("data-places") || "[]");
  var map = L.map(el, { attributionControl: false, zoomSnap: 0.25, worldCopyJump: true });
  // the view first: a circle of a given size in km can only be drawn on a map that has one
  // fitted to the finest places (towns, facilities, provinces) when there are any: a country named in
  // passing ("the U.S.") should not zoom a story about one town out to the world
  var fine = places.filter(function (p) { return p.precision !== "country"; });
  var framed = fine.length ? fine : places;
  if (framed.length) {
    var bounds = L.latLngBounds([]);
    framed.forEach(function (p) {
      bounds.extend(L.latLng(p.lat, p.lon).toBounds(Math.max(p.radius_km, 5) * 2000));
    });
    map.fitBounds(bounds.pad(0.3), { maxZoom: 8 });
  } else {
    map.setView([20, 0], 1);
  }
  var drawn = L.featureGroup().addTo(map);
  // the largest areas first, towns last: what is drawn later lies on top and takes the pointer
  places.slice().sort(function (a, b) { return b.radius_km - a.radius_km; }).forEach(function (p) {
    var label = p.name + (p.events.length ? " — " + p.events.join(", ") : "") + " (precision " + p.precision + ")";
    var shape;
    if (p.radius_km > 0) {
      shape = L.circle([p.lat, p.lon], {
        radius: p.radius_km * 1000, className: "place area precision-" + p.precision,
        weight: 2, dashArray: "6 4", fillOpacity: 0.12
      });
    } else {
      shape = L.circleMarker([p.lat, p.lon], {
        radius: p.events.length ? 8 : 6, className: "place point precision-" + p.precision,
        weight: 2, fillOpacity: 0.8
      });
    }
    shape.bindTooltip(label, { sticky: true, className: "place-label" });
    drawn.addLayer(shape);
  });
  fetch(el.getAttribute("data-basemap"))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      L.geoJSON(data, {
        interactive: false,
        style: function (f) {
          return { className: "basemap " + f.properties.kind, weight: f.properties.kind === "coast" ? 1.2 : 0.7 };
        }
      }).addTo(map).bringToBack();
    });
  el.setAttribute("data-ready", "true");
})();
